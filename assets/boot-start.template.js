// Starts the app (scripts/split.mjs writes in which files), as Trunk's own loader would;
// if it cannot, the boot screen says why instead of waiting for ever.
const build = __BUILD__;
try {
  const bindings = await import(build.js);
  const wasm = await bindings.default({ module_or_path: build.wasm });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  const note = document.querySelector('#boot .boot-note');
  if (note) {
    note.setAttribute('role', 'alert');
    note.textContent = error instanceof WebAssembly.RuntimeError
      ? 'Account Planner stopped on an error while starting.'
      : 'Account Planner could not start: part of the app could not be downloaded. '
        + 'Your data is safe in this browser. Connect to the internet and try again.';
    // A reload fetches the app afresh.
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'boot-retry';
    retry.textContent = 'Try again';
    retry.addEventListener('click', () => location.reload());
    note.after(retry);
  }
  throw error;
}
