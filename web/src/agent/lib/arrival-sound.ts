let audio: AudioContext | null = null;

/** Made on the toggle's click: browsers start audio only after a gesture. */
export function enableSound(): void {
  audio ??= new AudioContext();
  void audio.resume();
}

/** A short two-tone chime, synthesised (no sound file to fetch). */
export function chime(): void {
  if (!audio) return;
  const now = audio.currentTime;
  for (const [i, freq] of [880, 1320].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.15, now + i * 0.15);
    gain.gain.exponentialRampToValueAtTime(0.001, now + i * 0.15 + 0.3);
    osc.connect(gain).connect(audio.destination);
    osc.start(now + i * 0.15);
    osc.stop(now + i * 0.15 + 0.3);
  }
}
