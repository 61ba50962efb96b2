package rebuild

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the Prometheus metrics of rebuilds and queries, served at
// /metrics.
type Metrics struct {
	RebuildDuration prometheus.Histogram   // newsgraph_rebuild_duration_seconds
	Rebuilds        *prometheus.CounterVec // newsgraph_rebuilds_total{outcome="ok|error|skipped"}
	Articles        *prometheus.CounterVec // newsgraph_rebuild_articles_total{result="added|changed|removed|unchanged|failed"}
	Errors          prometheus.Counter     // newsgraph_rebuild_errors_total: failed articles and sources, and failed runs
	LastSuccess     prometheus.Gauge       // newsgraph_rebuild_last_success_timestamp_seconds
	Quads           prometheus.Gauge       // newsgraph_store_quads after the last rebuild
	QueryDuration   *prometheus.HistogramVec
}

// NewMetrics creates the metrics and registers them with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		RebuildDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "newsgraph_rebuild_duration_seconds", Help: "Time taken by rebuilds.",
			Buckets: prometheus.ExponentialBuckets(0.05, 2, 14), // 50 ms to ~7 min
		}),
		Rebuilds: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_rebuilds_total", Help: "Rebuilds by outcome.",
		}, []string{"outcome"}),
		Articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_rebuild_articles_total", Help: "Articles seen by rebuilds, by what was done with them.",
		}, []string{"result"}),
		Errors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "newsgraph_rebuild_errors_total", Help: "Articles and sources that failed, and rebuilds that could not complete.",
		}),
		LastSuccess: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsgraph_rebuild_last_success_timestamp_seconds", Help: "When the last rebuild completed (Unix time).",
		}),
		Quads: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsgraph_store_quads", Help: "Quads in the store after the last rebuild.",
		}),
		QueryDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "newsgraph_query_duration_seconds", Help: "Latency of queries served over HTTP.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16), // 0.5 ms to ~16 s
		}, []string{"code"}),
	}
	for _, r := range []string{"added", "changed", "removed", "unchanged", "failed"} {
		m.Articles.WithLabelValues(r)
	}
	for _, o := range []string{"ok", "error", "skipped"} {
		m.Rebuilds.WithLabelValues(o)
	}
	reg.MustRegister(m.RebuildDuration, m.Rebuilds, m.Articles, m.Errors, m.LastSuccess, m.Quads, m.QueryDuration)
	return m
}

// NewRegistry returns a registry with the Go runtime and process
// collectors and newsgraph's metrics.
func NewRegistry() (*prometheus.Registry, *Metrics) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg, NewMetrics(reg)
}

// MetricsHandler serves a registry in the Prometheus text format.
func MetricsHandler(g prometheus.Gatherer) http.Handler {
	return promhttp.HandlerFor(g, promhttp.HandlerOpts{})
}

// InstrumentQueries times every request to next (mount it on the query
// routes) in newsgraph_query_duration_seconds, by status code.
func (m *Metrics) InstrumentQueries(next http.Handler) http.Handler {
	if m == nil {
		return next
	}
	return promhttp.InstrumentHandlerDuration(m.QueryDuration, next)
}

// ObserveQuery records one query's latency (for queries not made over
// HTTP); code is an HTTP-like status ("200", "500").
func (m *Metrics) ObserveQuery(d time.Duration, code string) {
	if m != nil {
		m.QueryDuration.WithLabelValues(code).Observe(d.Seconds())
	}
}

func (m *Metrics) observe(sum Summary, err error, at time.Time) {
	if m == nil {
		return
	}
	m.RebuildDuration.Observe(sum.Seconds)
	m.Articles.WithLabelValues("added").Add(float64(sum.Added))
	m.Articles.WithLabelValues("changed").Add(float64(sum.Changed))
	m.Articles.WithLabelValues("removed").Add(float64(sum.Removed))
	m.Articles.WithLabelValues("unchanged").Add(float64(sum.Unchanged))
	m.Articles.WithLabelValues("failed").Add(float64(sum.Failed))
	m.Errors.Add(float64(sum.Failed))
	if err != nil {
		m.Rebuilds.WithLabelValues("error").Inc()
		m.Errors.Inc()
		return
	}
	m.Rebuilds.WithLabelValues("ok").Inc()
	m.LastSuccess.Set(float64(at.Unix()))
	if sum.Quads >= 0 {
		m.Quads.Set(float64(sum.Quads))
	}
}
