import { AUDIENCE_LABELS } from '../lib/audiences';
import { AUDIENCES, type Audience } from '../lib/types';

interface AudienceSelectorProps {
  /** Distinguishes the radio groups when more than one is on a page. */
  name: string;
  value: Audience;
  onChange: (audience: Audience) => void;
  busy?: boolean;
}

/** "Which best describes you?": a radio group styled as segmented buttons. */
export function AudienceSelector({ name, value, onChange, busy = false }: AudienceSelectorProps) {
  return (
    <fieldset className="audience-selector" aria-busy={busy || undefined}>
      <legend>Which best describes you?</legend>
      <div className="segments">
        {AUDIENCES.map((audience) => (
          <label key={audience} className="segment" data-testid={`audience-option-${audience}`}>
            <input
              type="radio"
              className="visually-hidden"
              name={name}
              value={audience}
              checked={value === audience}
              onChange={() => onChange(audience)}
            />
            <span>{AUDIENCE_LABELS[audience]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
