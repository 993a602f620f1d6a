/*
 * Cockpit's configuration, as shipped with Extension Callouts. This file takes the place of the one in
 * camunda-webapp-webjar (same classpath location, found first), so it must stay a complete configuration:
 * Camunda's defaults apply to everything not set here. See Camunda's "Cockpit Configuration" and
 * "Cockpit Plugins" documentation.
 */
export default {
  // Scripts under app/cockpit/ (paths without ".js"), loaded as ES modules at start-up; each exports a
  // plugin or an array of plugins as its default export.
  customScripts: [
    // The "Callout attempts" tab on extension-callout process instances
    'callout-attempts/plugin'
  ]
};
