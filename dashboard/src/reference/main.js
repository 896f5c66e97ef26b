// The API reference page (/docs/api/): Redoc renders the contract the platform itself serves, so the page always
// shows the deployed document. Its own entry, never imported by the dashboard: Redoc (about 330 KB gzipped) stays
// out of the dashboard's first-load bundle. The standalone bundle is a UMD script, so it is loaded as a classic
// script from a hashed asset (script-src 'self'), never inlined.
import redocUrl from 'redoc/bundles/redoc.standalone.js?url';

const CONTRACT = '/api/v1/openapi.json';

// Search builds its index in a Web Worker Redoc starts from a blob: URL, which the site's CSP (worker-src falls
// back to script-src 'self') refuses; the menu lists every operation instead.
const OPTIONS = { disableSearch: true, hideDownloadButton: false, expandResponses: '200,201', pathInMiddlePanel: true };

function load(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

const element = document.getElementById('reference');
load(redocUrl)
  .then(() => window.Redoc.init(CONTRACT, OPTIONS, element))
  .catch(e => { element.textContent = `The reference could not load (${e.message}); the contract is at ${CONTRACT}.`; });
