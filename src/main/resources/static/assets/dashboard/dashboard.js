// Draws the dashboard's charts from the figures the page carries (see DashboardController).
(function () {
  const figures = JSON.parse(document.getElementById('figures').textContent);
  const colours = ['#0f62fe', '#da1e28', '#24a148', '#f1c21b', '#8a3ffc', '#8d8d8d'];

  const when = new Date(figures.generatedAt);
  document.getElementById('generated').textContent = 'Opdateret ' + when.toLocaleString('da-DK');

  function draw(id, type, options) {
    const data = figures[id];
    document.getElementById(id + '-title').textContent = data.title;
    const canvas = document.getElementById(id);
    if (data.labels.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'empty';
      empty.textContent = 'Ingen data endnu.';
      canvas.parentElement.replaceWith(empty);
      return;
    }
    new Chart(canvas, {
      type: type,
      data: {
        labels: data.labels,
        datasets: data.series.map((s, i) => ({ label: s.name, data: s.values, backgroundColor: colours[i % colours.length] }))
      },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, options)
    });
  }

  const stacked = { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } };
  draw('casesPerWeek', 'bar', stacked);
  draw('topPatterns', 'bar', { indexAxis: 'y', plugins: { legend: { display: false } },
    scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } });
  draw('openMinSupportByAge', 'bar', stacked);
  draw('gangmoedeEffect', 'bar', { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
})();
