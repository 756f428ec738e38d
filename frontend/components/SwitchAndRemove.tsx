/** The two actions of a definition's row (a rule, a trigger): switch it on or off, remove it (after a confirmation). */
export function SwitchAndRemove({ kind, name, active, onSwitch, onRemove }: { kind: string; name: string; active: boolean; onSwitch: () => void; onRemove: () => void }) {
  return (
    <>
      <button type="button" className="link" onClick={onSwitch} aria-label={`${active ? "Switch off" : "Switch on"} the ${kind} ${name}`}>
        {active ? "Switch off" : "Switch on"}
      </button>{" "}
      <button type="button" className="link danger" onClick={() => window.confirm(`Remove the ${kind} ${name}?`) && onRemove()} aria-label={`Remove the ${kind} ${name}`}>
        Remove
      </button>
    </>
  );
}
