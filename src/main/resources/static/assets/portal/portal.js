// The portal's few scripts: the CSRF token on htmx requests, copy buttons, drag and drop of
// attachments, focus on a form's errors. Everything works without them, except copying.
(function () {
  'use strict';
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');

  document.addEventListener('htmx:configRequest', function (event) {
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    // a form with errors: the summary gets the focus, so a screen reader reads it first
    const summary = document.getElementById('fejl');
    if (summary) {
      summary.focus();
    }

    document.querySelectorAll('[data-copy]').forEach(function (button) {
      button.addEventListener('click', function () {
        const source = document.getElementById(button.getAttribute('data-copy'));
        const status = document.getElementById(button.getAttribute('data-copy') + '-copied');
        const text = source.innerText;
        const done = function () {
          if (status) {
            status.textContent = 'Kopieret';
            setTimeout(function () { status.textContent = ''; }, 3000);
          }
        };
        const fallback = function () {
          // no clipboard API (or no permission): select the text and copy it the old way
          selectText(source);
          document.execCommand('copy');
          done();
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, fallback);
        } else {
          fallback();
        }
      });
    });

    document.querySelectorAll('.dropzone').forEach(function (zone) {
      const input = zone.querySelector('input[type=file]');
      const form = zone.closest('form');
      ['dragenter', 'dragover'].forEach(function (type) {
        zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('dragging'); });
      });
      ['dragleave', 'drop'].forEach(function (type) {
        zone.addEventListener(type, function () { zone.classList.remove('dragging'); });
      });
      zone.addEventListener('drop', function (e) {
        e.preventDefault();
        if (e.dataTransfer.files.length > 0) {
          input.files = e.dataTransfer.files;
          form.requestSubmit();
        }
      });
    });
  });

  function selectText(element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
})();
