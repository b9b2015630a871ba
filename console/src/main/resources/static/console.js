// The dashboard's two charts (uPlot), drawn from the figures the page also shows as a table. No other script runs here.
(() => {
  const holder = document.getElementById('dashboard-data');
  if (!holder || !window.uPlot) {
    return;
  }
  const figures = JSON.parse(holder.dataset.figures);
  const width = () => Math.max(280, Math.min(1100, document.getElementById('figures').clientWidth - 8));
  const areas = figures.areas;
  if (areas.length > 0) {
    const index = areas.map((_, i) => i);
    const bars = (align) => uPlot.paths.bars({ size: [0.4, 60], align: align });
    new uPlot({
      width: width(), height: 280,
      scales: { x: { time: false, range: [-0.6, areas.length - 0.4] } },
      axes: [{ values: (u, ticks) => ticks.map(t => Number.isInteger(t) && areas[t] ? areas[t].name.replace(/^(Kabupaten|Kota) /, '') : ''),
               splits: () => index, size: 60 }, {}],
      series: [{ label: holder.dataset.area, value: (u, i) => (i == null || !areas[i] ? '--' : areas[i].name) },
        { label: holder.dataset.registered, fill: '#0b4f8a', stroke: '#0b4f8a', paths: bars(-1), points: { show: false } },
        { label: holder.dataset.paid, fill: '#0f6b2f', stroke: '#0f6b2f', paths: bars(1), points: { show: false } }],
    }, [index, areas.map(a => a.registered), areas.map(a => a.paid)], document.getElementById('chart-areas'));
  }
  const days = figures.days;
  if (days.length > 0) {
    const day = 86400;
    const xs = days.map(d => Date.parse(d.date + 'T12:00:00Z') / 1000);
    new uPlot({
      width: width(), height: 240,
      // A day either side, so that a single day still shows as a point on its date.
      scales: { x: { time: true, range: () => [xs[0] - day, xs[xs.length - 1] + day] }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.2)] } },
      series: [{ label: holder.dataset.day },
        { label: holder.dataset.paidPerDay, stroke: '#0f6b2f', width: 2, fill: 'rgba(15,107,47,0.1)', points: { show: true, size: 8, fill: '#0f6b2f' } }],
    }, [xs, days.map(d => d.paid)], document.getElementById('chart-days'));
  }
})();
