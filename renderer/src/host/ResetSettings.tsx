import { resetSettings } from './index';

/** Puts every knob, the program and presenter mode back to the first start's, and forgets the saved ones. */
export function ResetSettings() {
  return (
    <button
      type="button"
      className="button ghost compact reset-settings"
      title="Strategies, workers, switch interval, GIL model, time scale, program and presenter mode back to their defaults"
      onClick={() => void resetSettings()}
    >
      Reset settings
    </button>
  );
}
