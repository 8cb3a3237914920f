// Start-up: read the URL once (token, layout, scope, language), then connect and render.
import './env/zod-without-eval';
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
import { holdsStill } from './stores/wall-source';
import { useWallControlStore } from './briefing/control-store';
import { startWallTransport } from './transport/wall-socket';
import { focusScope } from './focus/focus-scope';
import { useFocusStore } from './focus/focus-store';
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

/** A focus view first learns its incident's regions: they decide the scope it subscribes to. */
async function focusOn(id: string, displayToken: string): Promise<void> {
  const focus = useFocusStore(pinia);
  await focus.start(id, displayToken);
  // its regions decide the scope; an incident first loaded later (the server was away) moves it then
  watch(
    () => focus.incident?.regionCodes.join(','),
    () => {
      if (focus.incident) view.scope = focusScope(focus.incident.regionCodes);
    },
    { immediate: true },
  );
  const wall = useWallStore(pinia);
  // the stream says when the incident changed: reload its record and timeline then
  watch(
    () => wall.panels?.incidents.find((i) => i.id === id)?.version,
    (version, before) => {
      if (version !== undefined && before !== undefined && version !== before) void focus.load();
    },
  );
}

async function connect(displayToken: string): Promise<void> {
  if (params.focus) await focusOn(params.focus, displayToken);
  useWallControlStore(pinia).configure(displayToken);
  const transport = startWallTransport({ token: displayToken, scope: view.scope, wall: view.wall });
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
        // a frozen wall or a paused replay may hear nothing for long: that silence is not a hang
        lastPayloadAtMs: holdsStill(wall.source) ? Date.now() : wall.lastPayloadAtMs,
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

if (token) void connect(token);

app.mount('#app');
