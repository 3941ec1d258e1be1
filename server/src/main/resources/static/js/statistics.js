// Statistics dashboard: fetches /api/v1/statistics/notifications per grouping and draws it
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

	function load(root) {
		var charts = root.querySelectorAll('.statistics__chart');
		charts.forEach(function (element) {
			var url = root.dataset.api + '?from=' + encodeURIComponent(root.dataset.from)
				+ '&to=' + encodeURIComponent(root.dataset.to)
				+ '&groupBy=' + encodeURIComponent(element.dataset.groupBy);
			fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
				.then(function (response) {
					if (!response.ok) { throw new Error(response.status); }
					return response.json();
				})
				.then(function (report) {
					var total = draw(root, element, report);
					if (element.dataset.groupBy === 'day') {
						document.getElementById('statistics-total').textContent =
							root.dataset.labelNotifications + ': ' + total;
					}
				})
				.catch(function () {
					element.textContent = root.dataset.error;
				});
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		var root = document.getElementById('statistics');
		if (root && window.echarts) {
			load(root);
		}
	});
}());
