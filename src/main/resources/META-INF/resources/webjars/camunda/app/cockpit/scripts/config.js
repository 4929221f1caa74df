// Supportflow's cockpit: Danish for everyone (locales/da.json, written by us; a key without a
// Danish text shows Camunda's English one), and the installation named instead of Camunda.
export default {
  app: {
    name: 'Overvågning',
    vendor: 'Supportflow'
  },
  locales: {
    availableLocales: ['da'],
    fallbackLocale: 'da'
  },
  disableWelcomeMessage: true,
  // with single sign-on, "Log ud" also logs out at the municipality's login (platform.WebappLogoutScript)
  customScripts: ['scripts/sso-logout']
};
