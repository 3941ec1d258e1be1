package jp.madoguchi.audit.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.PrivateFiles;
import jp.madoguchi.platform.logging.LogFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monthly PIA report, left where the operator expects it: on the first of each month
 * (03:30 Tokyo by default) the previous month as
 * {@code <data-dir>/reports/pia-YYYY-MM.pdf} and {@code .csv}, mode {@code 600} in a
 * {@code 700} directory. A month already written (by this or another instance) is left as
 * it is.
 */
@Component
public class MonthlyPiaRun {

	private static final Logger log = LoggerFactory.getLogger(MonthlyPiaRun.class);

	private static final Logger exportLog = LoggerFactory.getLogger(LogFiles.AUDIT_EXPORT_LOGGER);

	private final PiaReports reports;

	private final PiaDocuments documents;

	private final Path directory;

	MonthlyPiaRun(PiaReports reports, PiaDocuments documents, MadoguchiProperties properties) {
		this.reports = reports;
		this.documents = documents;
		this.directory = properties.dataDir().toAbsolutePath().normalize().resolve("reports");
	}

	@Scheduled(cron = "${madoguchi.audit.pia.cron:0 30 3 1 * *}", zone = "Asia/Tokyo")
	public void run() {
		LocalDate[] month = reports.lastMonth();
		try {
			write(month[0], month[1]);
		}
		catch (IOException | RuntimeException ex) {
			log.error("The monthly PIA report for {} could not be written to {}: {}", month[0], directory,
					ex.toString());
		}
	}

	/** Writes the report of the period; answers the PDF's path. */
	public Path write(LocalDate from, LocalDate to) throws IOException {
		String name = "pia-" + from.toString().substring(0, 7)
				+ (from.plusMonths(1).minusDays(1).equals(to) && from.getDayOfMonth() == 1 ? ""
						: "_" + from + "_" + to);
		Path pdf = directory.resolve(name + ".pdf");
		Path csv = directory.resolve(name + ".csv");
		if (Files.exists(pdf) && Files.exists(csv)) {
			return pdf;
		}
		PrivateFiles.createDirectories(directory);
		PiaReport report = reports.generate(from, to, "scheduled", "system:pia-report");
		StringWriter text = new StringWriter();
		documents.csv(report, text);
		PrivateFiles.writeAtomically(csv, text.toString().getBytes(StandardCharsets.UTF_8));
		if (documents.pdfAvailable()) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			documents.pdf(report, bytes);
			PrivateFiles.writeAtomically(pdf, bytes.toByteArray());
		}
		exportLog.info("PIA report {}–{} written to {} ({} events)", from, to, directory, report.eventsRead());
		return pdf;
	}

	Path directory() {
		return directory;
	}

}
