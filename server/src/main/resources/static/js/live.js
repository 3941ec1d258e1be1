// Shared by the screens that follow a server-sent event stream (call display, the resident's
// ticket, the queue status page). Load it before the page's own script (both deferred).
window.MadoguchiLive = (() => {
	// Follows an event stream: handlers maps event names to functions of the parsed JSON.
	// EventSource reconnects by itself after a dropped connection; when the browser gives up
	// (the server answered an error), a fresh one is opened after a pause. onState(true|false)
	// is told when the connection opens or fails.
	function follow(url, handlers, onState) {
		const state = onState || (() => {});
		function connect() {
			const source = new EventSource(url);
			source.addEventListener('open', () => state(true));
			Object.entries(handlers).forEach(([name, handle]) => {
				source.addEventListener(name, (event) => handle(JSON.parse(event.data)));
			});
			source.addEventListener('error', () => {
				state(false);
				if (source.readyState === EventSource.CLOSED) {
					setTimeout(connect, 5000);
				}
			});
		}
		connect();
	}

	// An audio context, or null where the browser has none. Browsers start audio only after a
	// gesture, so call resume() on it from one.
	function audioContext() {
		const Context = window.AudioContext || window.webkitAudioContext;
		return Context ? new Context() : null;
	}

	// Soft sine tones: pattern is [[frequency in Hz, delay in s], …]; each swells to peak and
	// fades over length seconds. Silent until the context runs.
	function tones(audio, pattern, peak, length) {
		if (!audio || audio.state !== 'running') {
			return;
		}
		const start = audio.currentTime + 0.05;
		pattern.forEach(([frequency, delay]) => {
			const oscillator = audio.createOscillator();
			const gain = audio.createGain();
			oscillator.type = 'sine';
			oscillator.frequency.value = frequency;
			gain.gain.setValueAtTime(0.0001, start + delay);
			gain.gain.exponentialRampToValueAtTime(peak, start + delay + 0.02);
			gain.gain.exponentialRampToValueAtTime(0.0001, start + delay + length);
			oscillator.connect(gain).connect(audio.destination);
			oscillator.start(start + delay);
			oscillator.stop(start + delay + length + 0.1);
		});
	}

	return { follow, audioContext, tones };
})();
