// Starts the build the page picked (assets/boot-pick.template.js), as Trunk's own loader
// would; if it cannot, the boot screen says why instead of waiting for ever.
const build = window.accountPlannerBuild;
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
      ? 'Account Planner stopped on an error while starting. Reload the page to try again.'
      : 'Account Planner could not start: part of the app could not be downloaded. '
        + 'Your data is safe in this browser. Connect to the internet and reload the page.';
  }
  throw error;
}
