// The supervision dashboard's charts (ECharts, served by the jar). Every bar and point carries the
// URL of the list behind it: a click opens those items. The tables under each chart hold the same
// numbers as links, for keyboards, screen readers and printouts.
(function () {
  'use strict';

  function init() {
    var holder = document.getElementById('oversight-charts');
    if (!holder || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(holder.getAttribute('data-charts'));
    bars('chart-coverage', data.coverage, true, false);
    bars('chart-flags', data.flags, true, false);
    bars('chart-cases', data.cases, true, true);
    lines('chart-trend', data.trend);
  }

  function series(input, type, stacked) {
    return input.series.map(function (s) {
      return {
        name: s.name,
        type: type,
        stack: stacked ? 'total' : undefined,
        itemStyle: { color: s.color },
        lineStyle: type === 'line' ? { color: s.color } : undefined,
        label: { show: type === 'bar', position: stacked ? 'inside' : 'top',
                 formatter: function (p) { return p.value > 0 ? p.value : ''; } },
        data: s.data
      };
    });
  }

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption(option);
    c.on('click', function (p) {
      if (p.data && p.data.url) {
        window.location.href = p.data.url;
      }
    });
    window.addEventListener('resize', function () { c.resize(); });
  }

  function bars(id, input, stacked, wide) {
    chart(id, {
      aria: { enabled: true, decal: { show: true } },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: wide ? 70 : 40 },
      xAxis: { type: 'category', data: input.categories,
               axisLabel: { interval: 0, rotate: input.categories.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series(input, 'bar', stacked)
    });
  }

  function lines(id, input) {
    chart(id, {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: input.categories },
      yAxis: { type: 'value', minInterval: 1 },
      series: series(input, 'line', false).map(function (s) { s.symbolSize = 8; return s; })
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
