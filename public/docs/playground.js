// The playground's settings, kept out of the HTML so that /docs runs under a CSP with no inline
// script. Nothing here reaches another host: no web fonts, no telemetry, no agent, no proxy
// (requests go straight to this deployment, which is the same origin).
window.Scalar.createApiReference('#playground', {
  url: '/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never',
  hideClientButton: false,
  defaultHttpClient: { targetKey: 'shell', clientKey: 'curl' },
});
