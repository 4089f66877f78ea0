/* global window, setTimeout */
// Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser test.
// Served right after build/fake-host.js (which defines window.SpukFakeExcel). The test chooses the host
// through window.__SPUK_TEST__ = { host: 'Excel' | 'Word' | null, apiVersion?, settings?, prebuild? } (an
// init script). `prebuild`: a WorkbookPlan (JSON) rendered into the fake workbook before Office.onReady
// resolves, i.e. a workbook that existed before the pane opened (made by the CLI, or without settings).
(function () {
  'use strict';
  var config = window.__SPUK_TEST__ || { host: 'Excel' };
  var fake = new window.SpukFakeExcel.FakeExcel({ apiVersion: config.apiVersion || '1.17' });
  window.__fakeExcel = fake;
  var prebuilt = config.prebuild ? window.SpukFakeExcel.prebuild(fake, config.prebuild) : Promise.resolve();
  prebuilt.catch(function (e) {
    console.error('prebuild: ' + String(e));
  });

  // Office.context.document.settings: stored in the document by real Office; here in memory.
  var store = JSON.parse(JSON.stringify(config.settings || {}));
  window.__officeSettings = store;
  var settings = {
    get: function (name) {
      return Object.prototype.hasOwnProperty.call(store, name) ? store[name] : null;
    },
    set: function (name, value) {
      store[name] = JSON.parse(JSON.stringify(value));
    },
    remove: function (name) {
      delete store[name];
    },
    saveAsync: function (callback) {
      if (typeof callback === 'function')
        setTimeout(function () {
          callback({ status: 'succeeded' });
        }, 0);
    },
  };

  var host = config.host === undefined ? 'Excel' : config.host;
  window.Office = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
    onReady: function (callback) {
      var info = { host: host, platform: host ? 'OfficeOnline' : null };
      return prebuilt.then(function () {
        if (typeof callback === 'function') callback(info);
        return info;
      });
    },
    context: host
      ? { host: host, requirements: fake.requirements, document: { settings: settings } }
      : {
          requirements: {
            isSetSupported: function () {
              return false;
            },
          },
        },
  };
  if (host === 'Excel') window.Excel = { run: fake.run };
})();
