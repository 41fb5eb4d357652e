// Draws the dashboard's charts from the figures the page carries in data- attributes. A static file, so the page's
// Content-Security-Policy allows no inline script at all. ECharts comes from its webjar, served by the page itself.
(function () {
  'use strict';

  function figures(element, name) {
    try {
      return JSON.parse(element.getAttribute('data-' + name) || 'null');
    } catch (e) {
      return null;
    }
  }

  // ECharts writes a tooltip as HTML: what goes into one is escaped, though it only ever names configured specialists.
  function text(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  function percent(value) {
    return value === null || value === undefined ? 'n/a' : (value * 100).toFixed(1) + '%';
  }

  function accuracyChart() {
    var element = document.getElementById('accuracy-chart');
    if (!element) {
      return;
    }
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    function draw(period) {
      var points = figures(element, period) || [];
      chart.setOption({
        animation: false,
        grid: {left: 56, right: 56, top: 40, bottom: 40},
        legend: {data: ['accuracy', 'tasks']},
        tooltip: {trigger: 'axis'},
        xAxis: {type: 'category', data: points.map(function (p) { return p.start; })},
        yAxis: [
          {type: 'value', name: 'accuracy', min: 0, max: 1, axisLabel: {formatter: percent}},
          {type: 'value', name: 'tasks', minInterval: 1, splitLine: {show: false}}
        ],
        series: [
          {name: 'accuracy', type: 'line', connectNulls: true, symbolSize: 6,
            data: points.map(function (p) { return p.accuracy; }),
            tooltip: {valueFormatter: percent}},
          {name: 'tasks', type: 'bar', yAxisIndex: 1, barMaxWidth: 24, itemStyle: {opacity: 0.35},
            data: points.map(function (p) { return p.routed; })}
        ]
      }, true);
      element.setAttribute('data-drawn', period);
      element.setAttribute('data-points', String(points.length));
    }
    var buttons = document.querySelectorAll('.chart-switch button');
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener('click', function () {
        Array.prototype.forEach.call(buttons, function (b) { b.classList.toggle('active', b === button); });
        draw(button.getAttribute('data-period'));
      });
    });
    draw('daily');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function confusionChart() {
    var element = document.getElementById('confusion-chart');
    if (!element) {
      return;
    }
    var matrix = figures(element, 'matrix') || {specialists: [], cells: []};
    var most = matrix.cells.reduce(function (max, cell) { return Math.max(max, cell[2]); }, 1);
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({
      animation: false,
      grid: {left: 190, right: 20, top: 10, bottom: 150},
      tooltip: {
        formatter: function (item) {
          var names = matrix.specialists;
          return 'routed to ' + text(names[item.data[1]]) + ', corrected to ' + text(names[item.data[0]]) + ': ' + text(item.data[2]);
        }
      },
      xAxis: {type: 'category', name: 'corrected to', nameLocation: 'middle', nameGap: 135, data: matrix.specialists,
        axisLabel: {rotate: 45, interval: 0}, splitArea: {show: true}},
      yAxis: {type: 'category', name: 'routed to', data: matrix.specialists, axisLabel: {interval: 0}, splitArea: {show: true}},
      visualMap: {min: 0, max: most, calculable: false, show: false, inRange: {color: ['#fff5eb', '#fd8d3c', '#7f2704']}},
      series: [{name: 'confusions', type: 'heatmap', data: matrix.cells, label: {show: true}}]
    });
    element.setAttribute('data-drawn', 'matrix');
    element.setAttribute('data-cells', String(matrix.cells.length));
    window.addEventListener('resize', function () { chart.resize(); });
  }

  accuracyChart();
  confusionChart();
}());
