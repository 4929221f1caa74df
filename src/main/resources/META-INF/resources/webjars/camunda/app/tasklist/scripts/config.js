// Supportflow's Tasklist: Danish for everyone (locales/da.json, written by us; a key without a
// Danish text shows Camunda's English one), and the installation named instead of Camunda.
export default {
  app: {
    name: 'Opgaver',
    vendor: 'Supportflow'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  locales: {
    availableLocales: ['da'],
    fallbackLocale: 'da'
  },
  disableWelcomeMessage: true,
  // form-js writes its validation messages in English: scripts/form-messages-da.js translates them;
  // with single sign-on, "Log ud" also logs out at the municipality's login (platform.WebappLogoutScript)
  customScripts: ['scripts/form-messages-da', 'scripts/sso-logout'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tager den valgte opgave'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'går til det første filter'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'går til den første opgave i listen'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'går til det første felt i opgavens formular'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'åbner vinduet, hvor du starter en sag'
    }
  }
};
