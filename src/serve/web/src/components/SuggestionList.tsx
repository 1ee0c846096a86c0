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
  return (
    <ul id={id} role="listbox" aria-label="Suggested topics" className="suggestions">
      {suggestions.map((suggestion, index) => (
        <li
          key={suggestion.topicId}
          id={optionId(index)}
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
