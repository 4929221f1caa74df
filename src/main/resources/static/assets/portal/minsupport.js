// The response-time chart of /portal/minsupport, from the figures the page carries.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('chart-data').textContent);
  new Chart(document.getElementById('responseTimes'), {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [
        { label: 'Median (dage)', data: data.median, backgroundColor: '#0b4f8a' },
        { label: '90 % inden for (dage)', data: data.p90, backgroundColor: '#b35c00' }
      ]
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } }
  });
})();
