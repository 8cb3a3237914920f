// For plain tsc (server and tests type-check with it): vue-tsc reads .vue files itself.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
