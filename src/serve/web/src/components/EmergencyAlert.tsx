/** The emergency-services message, shown before anything else. */
export function EmergencyAlert({ text }: { text: string }) {
  return (
    <div className="emergency-alert" role="alert" data-testid="emergency-alert">
      <p className="emergency-title">
        <span aria-hidden="true" className="emergency-icon">
          !
        </span>
        Possible medical emergency
      </p>
      <p className="emergency-text">{text}</p>
    </div>
  );
}
