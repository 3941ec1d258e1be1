package jp.madoguchi.forms.printing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.madoguchi.forms.domain.PrintJobRepository;

import org.springframework.stereotype.Component;

/**
 * {@code madoguchi_print_jobs_failed}: print jobs that failed and wait for staff to retry
 * them (a printer off or out of paper), all printers together.
 */
@Component
class PrintMetrics {

	PrintMetrics(PrintJobRepository jobs, MeterRegistry meters) {
		Gauge.builder("madoguchi.print.jobs.failed", jobs, (repository) -> repository.count("FAILED"))
			.description("Print jobs in state FAILED, waiting for a retry")
			.register(meters);
	}

}
