// The tone of a new high-severity alert, made with WebAudio: nothing to ship or fetch. Two soft notes,
// under a second, loud enough to make someone look up in a quiet room. A browser may hold audio until
// the page has been interacted with; a kiosk launched with --autoplay-policy=no-user-gesture-required
// plays it at once (docs/wall.md).
let context: AudioContext | null = null;

const NOTES = [
  { hz: 880, atS: 0, forS: 0.25 },
  { hz: 660, atS: 0.3, forS: 0.45 },
];

export function playChime(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
    const start = context.currentTime;
    for (const note of NOTES) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.hz;
      // a soft attack and decay: no click at either end
      gain.gain.setValueAtTime(0, start + note.atS);
      gain.gain.linearRampToValueAtTime(0.3, start + note.atS + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.001, start + note.atS + note.forS);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + note.atS);
      oscillator.stop(start + note.atS + note.forS + 0.05);
    }
  } catch {
    // no audio device or no WebAudio: the banner is the announcement
  }
}
