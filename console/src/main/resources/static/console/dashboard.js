// dashboard charts (ECharts draws on canvas; names come from data, never from markup)
(function () {
  'use strict';
  var holder = document.getElementById('charts-data');
  if (!holder || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(holder.getAttribute('data-charts'));
  var pct = function (v) { return v == null ? null : Math.round(v * 1000) / 10; };
  var charts = [];
  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    option.animation = false;
    chart.setOption(option);
    charts.push(chart);
    el.setAttribute('data-drawn', 'true');
  }
  var t = qiying.t;
  var rates = [t('dashboard.resolution'), t('dashboard.satisfaction'), t('dashboard.on-time')];
  draw('chart-trend', {
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
    legend: { data: rates }, grid: { left: 40, right: 16, bottom: 30, top: 36 },
    xAxis: { type: 'category', data: data.trend.map(function (p) { return p.day.substring(5) + (p.week ? t('dashboard.week') : ''); }) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: rates[0], type: 'line', connectNulls: true, data: data.trend.map(function (p) { return pct(p.resolution); }) },
      { name: rates[1], type: 'line', connectNulls: true, data: data.trend.map(function (p) { return pct(p.satisfaction); }) },
      { name: rates[2], type: 'line', connectNulls: true, data: data.trend.map(function (p) { return pct(p.onTime); }) }
    ]
  });
  draw('chart-departments', {
    tooltip: { trigger: 'axis' }, legend: { data: rates }, grid: { left: 40, right: 16, bottom: 60, top: 36 },
    xAxis: { type: 'category', data: data.departments.map(function (d) { return d.department; }), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: rates[0], type: 'bar', data: data.departments.map(function (d) { return pct(d.resolutionRate); }) },
      { name: rates[1], type: 'bar', data: data.departments.map(function (d) { return pct(d.satisfactionRate); }) },
      { name: rates[2], type: 'bar', data: data.departments.map(function (d) { return pct(d.onTimeRate); }) }
    ]
  });
  draw('chart-categories', {
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: data.categories }]
  });
  draw('chart-districts', {
    tooltip: { trigger: 'axis' }, grid: { left: 80, right: 16, bottom: 20, top: 10 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: data.districts.map(function (d) { return d.name; }) },
    series: [{ type: 'bar', data: data.districts.map(function (d) { return d.value; }) }]
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
