import { AUDIENCES, type Audience } from './api';

export function AudienceSelector({ value, onChange }: { value: Audience; onChange: (audience: Audience) => void }) {
  return (
    <fieldset className="audience">
      <legend>Which best describes you?</legend>
      <div className="audience-options">
        {AUDIENCES.map((option) => (
          <label key={option.value} className={option.value === value ? 'selected' : ''} data-testid={`audience-option-${option.value}`}>
            <input type="radio" name="audience" value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
