// Picking files and recording voice notes. WhatsApp plays voice notes only as audio/ogg (Opus).

import { el } from './dom.js';
import { icon } from './icons.js';

export const OGG_OPUS = 'audio/ogg;codecs=opus';

/** Whether this browser can record OGG/Opus itself (Firefox can; Chromium records WebM, which WhatsApp refuses). */
export const canRecordOgg = () =>
  typeof MediaRecorder !== 'undefined' &&
  MediaRecorder.isTypeSupported?.(OGG_OPUS) === true &&
  !!navigator.mediaDevices?.getUserMedia;

/** A hidden file input; `onFile(file)` runs for each pick. Tests drive it with setInputFiles. */
export const fileInput = ({ accept, testid, onFile }) =>
  el('input', {
    type: 'file',
    accept,
    hidden: true,
    testid,
    on: {
      change: (event) => {
        const [file] = event.target.files ?? [];
        event.target.value = '';
        if (file) onFile(file);
      },
    },
  });

/**
 * A microphone button: records OGG/Opus when the browser can, else opens an audio file picker.
 * `onVoice(file)` receives the recording or the picked file.
 */
export const voiceButton = ({ testid, onVoice, onError }) => {
  const picker = fileInput({
    accept: 'audio/ogg,audio/opus,.ogg,.opus,audio/*',
    testid: `${testid}-file`,
    onFile: onVoice,
  });
  const button = el(
    'button',
    { type: 'button', class: 'icon-button', testid, title: 'Nota de voz', attrs: { 'aria-label': 'Nota de voz' } },
    icon('mic'),
  );
  let recording = null;
  button.addEventListener('click', async () => {
    if (!canRecordOgg()) return picker.click();
    if (recording) return recording.stop();
    try {
      recording = await startRecording((file) => {
        recording = null;
        button.classList.remove('recording');
        button.replaceChildren(icon('mic'));
        button.title = 'Nota de voz';
        onVoice(file);
      });
      button.classList.add('recording');
      button.replaceChildren(icon('stop'));
      button.title = 'Detener y enviar';
    } catch (error) {
      onError?.(`No se pudo usar el micrófono (${error.message}). Elige un archivo de audio.`);
      picker.click();
    }
  });
  return el('span', { class: 'voice' }, button, picker);
};

const startRecording = async (onDone) => {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const recorder = new MediaRecorder(stream, { mimeType: OGG_OPUS });
  const chunks = [];
  recorder.addEventListener('dataavailable', (e) => chunks.push(e.data));
  recorder.addEventListener('stop', () => {
    for (const track of stream.getTracks()) track.stop();
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    onDone(new File(chunks, `nota-de-voz-${stamp}.ogg`, { type: 'audio/ogg' }));
  });
  recorder.start();
  return recorder;
};
