/** Phone numbers in the alert, made callable with one tap. */
const NUMBER = /\b(911|999|112|988|000)\b/g;

/** The emergency-services message, shown before anything else, with its numbers as tel: links. */
export function EmergencyAlert({ text }: { text: string }) {
  const parts = text.split(NUMBER);
  return (
    <div className="emergency-alert" role="alert" data-testid="emergency-alert">
      <p className="emergency-title">
        <span aria-hidden="true" className="emergency-icon">
          !
        </span>
        Possible medical emergency
      </p>
      <p className="emergency-text">
        {parts.map((part, index) =>
          index % 2 === 1 ? (
            <a key={`${index}:${part}`} href={`tel:${part}`} className="emergency-call" data-testid="emergency-call">
              {part}
            </a>
          ) : (
            part
          ),
        )}
      </p>
    </div>
  );
}
