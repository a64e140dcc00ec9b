/**
 * The board's call: a short two-tone chime, then the voice line in an Indonesian voice. Browsers
 * allow sound only after a person interacted with the page, so `unlock` runs from the toggle's
 * click; on browsers without Web Audio or speech synthesis the board stays silent.
 */
export function createAnnouncer() {
  let audio: AudioContext | null = null;

  function unlock() {
    const Context = globalThis.AudioContext as typeof AudioContext | undefined;
    if (!audio && Context) audio = new Context();
    void audio?.resume();
  }

  function chime() {
    if (!audio) return;
    const start = audio.currentTime + 0.02;
    for (const [offset, frequency] of [
      [0, 880],
      [0.28, 660],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.5);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.55);
    }
  }

  function speak(text: string) {
    const synth = globalThis.speechSynthesis as SpeechSynthesis | undefined;
    const Utterance = globalThis.SpeechSynthesisUtterance as typeof SpeechSynthesisUtterance | undefined;
    if (!synth || !Utterance) return;
    const utterance = new Utterance(text);
    utterance.lang = 'id-ID';
    utterance.rate = 0.9;
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith('id'));
    if (voice) utterance.voice = voice;
    synth.speak(utterance);
  }

  return {
    unlock,
    /** Chimes, then speaks once the chime has rung. */
    announce(text: string) {
      chime();
      setTimeout(() => speak(text), audio ? 900 : 0);
    },
    close() {
      globalThis.speechSynthesis?.cancel();
      void audio?.close();
      audio = null;
    },
  };
}

export type Announcer = ReturnType<typeof createAnnouncer>;
