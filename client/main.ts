// Start-up: read the URL once (token, layout, scope, language), then connect and render.
import { createPinia } from 'pinia';
import { createApp, watch } from 'vue';
import { isValidScope } from '@shared/regions';
import { browserTokenEnvironment, takeDisplayToken } from './env/display-token';
import { parseWallParams, searchWithScope } from './env/wall-params';
import { locale, messages } from './i18n';
import { heapReading, startWatchdog } from './kiosk/watchdog';
import { trackCanvas } from './layout/canvas';
import { preloadWallGlyphs } from './theme/fonts';
import { useClockStore } from './stores/clock-store';
import { useConnectionStore } from './stores/connection-store';
import { useViewStore } from './stores/view-store';
import { useWallStore } from './stores/wall-store';
import { startWallTransport } from './transport/wall-socket';
import App from './App.vue';
import './theme/wall.css';

const startedAtMs = Date.now();
const params = parseWallParams(window.location.search, isValidScope);
const token = takeDisplayToken(browserTokenEnvironment());
locale.value = params.lang;
document.documentElement.lang = params.lang === 'en' ? 'en' : 'zh-CN';
document.title = messages.value.appTitle;

const pinia = createPinia();
const app = createApp(App, { hasToken: token !== null });
app.use(pinia);

const view = useViewStore(pinia);
view.configure(params);
trackCanvas(params.layout, params.tile);
useClockStore(pinia).start();
void preloadWallGlyphs();

if (token) {
  const transport = startWallTransport({ token, scope: view.scope });
  watch(
    () => view.scope,
    (scope) => {
      transport.setScope(scope);
      // Keep the URL in step so a reload (or the watchdog) comes back to the same place.
      const search = searchWithScope(window.location.search, scope);
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${search}${window.location.hash}`,
      );
    },
  );
  const connection = useConnectionStore(pinia);
  const wall = useWallStore(pinia);
  startWatchdog({
    read: () => {
      const heap = heapReading();
      return {
        nowMs: Date.now(),
        startedAtMs,
        connected: connection.status === 'live',
        lastPayloadAtMs: wall.lastPayloadAtMs,
        heapUsedBytes: heap.used,
        heapLimitBytes: heap.limit,
      };
    },
    serverReachable: () =>
      fetch(window.location.href, { method: 'HEAD', cache: 'no-store' }).then(
        (response) => response.ok,
        () => false,
      ),
    storage: window.sessionStorage,
    reload: () => window.location.reload(),
  });
}

app.mount('#app');
