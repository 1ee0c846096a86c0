import type { Suggestion } from '../lib/types';

interface SuggestionListProps {
  id: string;
  suggestions: Suggestion[];
  activeIndex: number;
  optionId: (index: number) => string;
  onChoose: (suggestion: Suggestion) => void;
}

/** The listbox of topic suggestions under the ask box. */
export function SuggestionList({ id, suggestions, activeIndex, optionId, onChoose }: SuggestionListProps) {
  // The ARIA combobox pattern: focus stays in the text box, which moves the active option with
  // the arrow keys (aria-activedescendant); the options are not focusable themselves.
  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a listbox of options (combobox pattern)
    <ul id={id} role="listbox" aria-label="Suggested topics" className="suggestions">
      {suggestions.map((suggestion, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: keyboard is handled by the combobox's text box
        <li
          key={suggestion.topicId}
          id={optionId(index)}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the listbox (combobox pattern)
          role="option"
          aria-selected={index === activeIndex}
          className={index === activeIndex ? 'suggestion active' : 'suggestion'}
          data-testid="suggestion"
          // Keep focus in the text box so typing can continue.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(suggestion)}
        >
          <span className="suggestion-title">{suggestion.title}</span>
          <span className="suggestion-specialty">{suggestion.specialty.replace(/-/g, ' ')}</span>
        </li>
      ))}
    </ul>
  );
}
