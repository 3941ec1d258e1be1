// Statistics dashboard: fetches /api/v1/statistics/notifications and /receptions per grouping and draws it
// with ECharts. Served as a file (strict CSP: no inline script); the page works without it
// (the CSV and Excel links stay).
(function () {
	'use strict';

	function draw(root, element, report) {
		var chart = echarts.init(element, null, { renderer: 'svg' });
		var labels = report.groups.map(function (g) { return g.label; });
		var notifications = report.groups.map(function (g) { return g.notifications; });
		var accepted = report.groups.map(function (g) { return g.accepted; });
		if (report.groupBy === 'type') {
			chart.setOption({
				tooltip: { trigger: 'item' },
				series: [{
					type: 'pie', radius: '65%',
					data: report.groups.map(function (g) { return { name: g.label, value: g.notifications }; })
				}]
			});
		} else {
			chart.setOption({
				tooltip: { trigger: 'axis' },
				legend: { data: [root.dataset.labelNotifications, root.dataset.labelAccepted] },
				xAxis: { type: 'category', data: labels },
				yAxis: { type: 'value', minInterval: 1 },
				series: [
					{ name: root.dataset.labelNotifications, type: 'bar', data: notifications },
					{ name: root.dataset.labelAccepted, type: 'bar', data: accepted }
				]
			});
		}
		window.addEventListener('resize', function () { chart.resize(); });
		return report.total;
	}

	// Receptions: counts as bars, waits (minutes) as a line on a second axis; per queue
	// average wait, 90th percentile and average service side by side.
	function drawReceptions(root, element, report) {
		var chart = echarts.init(element, null, { renderer: 'svg' });
		var labels = report.groups.map(function (g) { return g.label; });
		function column(name) {
			return report.groups.map(function (g) { return g[name]; });
		}
		var option;
		if (report.groupBy === 'queue') {
			option = {
				tooltip: { trigger: 'axis' },
				legend: { data: [root.dataset.labelWait, root.dataset.labelP90, root.dataset.labelService] },
				xAxis: { type: 'category', data: labels },
				yAxis: { type: 'value' },
				series: [
					{ name: root.dataset.labelWait, type: 'bar', data: column('averageWaitMinutes') },
					{ name: root.dataset.labelP90, type: 'bar', data: column('p90WaitMinutes') },
					{ name: root.dataset.labelService, type: 'bar', data: column('averageServiceMinutes') }
				]
			};
		} else {
			option = {
				tooltip: { trigger: 'axis' },
				legend: { data: [root.dataset.labelReceptions, root.dataset.labelWait] },
				xAxis: { type: 'category', data: labels },
				yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value' }],
				series: [
					{ name: root.dataset.labelReceptions, type: 'bar', data: column('receptions') },
					{ name: root.dataset.labelWait, type: 'line', yAxisIndex: 1, connectNulls: true,
						data: column('averageWaitMinutes') }
				]
			};
		}
		chart.setOption(option);
		window.addEventListener('resize', function () { chart.resize(); });
		return report.total;
	}

	function loadAll(root, drawOne, totalId, totalLabel) {
		root.querySelectorAll('.statistics__chart').forEach(function (element) {
			var url = root.dataset.api + '?from=' + encodeURIComponent(root.dataset.from)
				+ '&to=' + encodeURIComponent(root.dataset.to)
				+ '&groupBy=' + encodeURIComponent(element.dataset.groupBy);
			fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
				.then(function (response) {
					if (!response.ok) { throw new Error(response.status); }
					return response.json();
				})
				.then(function (report) {
					var total = drawOne(root, element, report);
					if (element.dataset.groupBy === 'day') {
						document.getElementById(totalId).textContent = totalLabel + ': ' + total;
					}
				})
				.catch(function () {
					element.textContent = root.dataset.error;
				});
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (!window.echarts) {
			return;
		}
		var root = document.getElementById('statistics');
		if (root) {
			loadAll(root, draw, 'statistics-total', root.dataset.labelNotifications);
		}
		var receptions = document.getElementById('statistics-receptions');
		if (receptions) {
			loadAll(receptions, drawReceptions, 'statistics-receptions-total', receptions.dataset.labelReceptions);
		}
	});
}());
