package jp.madoguchi.address.domain;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces a dataset with the contents of a file: read, checked and copied into the table
 * row by row in one transaction, so the file is never held in memory and a file with a
 * bad row leaves the previous data as it was. Readers see the old rows until the commit.
 * Each import, failed or not, is recorded in the audit trail as {@code ADDRESS_IMPORTED}.
 */
@Service
public class AddressImporter {

	/** The audit action of an import. */
	private static final String AUDIT_ACTION = "ADDRESS_IMPORTED";

	/** The actor of imports started from the command line. */
	static final String COMMAND_LINE = "cli";

	/** The actor of the sample loaded at start. */
	private static final String SYSTEM = CurrentActor.SYSTEM;

	/** The shipped sample; Kushiro only, written for Madoguchi, not official data. */
	static final Map<Dataset, String> SAMPLE = Map.of(Dataset.KEN_ALL, "address/sample/utf_ken_all-kushiro-SAMPLE.csv",
			Dataset.TOWN_MASTER, "address/sample/mt_town_all-kushiro-SAMPLE.csv");

	private static final Logger log = LoggerFactory.getLogger(AddressImporter.class);

	private final AddressTables tables;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	AddressImporter(AddressTables tables, TransactionTemplate transactions, AuditTrail audit) {
		this.tables = tables;
		this.transactions = transactions;
		this.audit = audit;
	}

	/**
	 * Replaces the dataset with the file's rows.
	 * @param in the file, UTF-8; read to its end but not closed
	 * @param source the file's name, shown on the admin page
	 * @param actor who imports; null for the signed-in user
	 * @throws ProblemException 422 {@code ADDRESS_FILE_INVALID} naming the line of the
	 * first problem; nothing is changed then
	 */
	public ImportResult importFile(Dataset dataset, InputStream in, String source, @Nullable String actor) {
		long started = System.nanoTime();
		try {
			int rows = transactions.execute(status -> {
				tables.lock(dataset);
				int copied = replace(dataset, in, source, actor);
				audit
					.record(AuditEntry.success(AUDIT_ACTION, subject(dataset), source + ": " + copied + "件").by(actor));
				return copied;
			});
			ImportResult result = new ImportResult(dataset, source, rows,
					Duration.ofNanos(System.nanoTime() - started));
			log.info("Imported {} rows of {} from {} in {} ms ({} rows/s)", rows, dataset.key(), source,
					result.took().toMillis(), result.rowsPerSecond());
			return result;
		}
		catch (ProblemException ex) {
			audit.record(AuditEntry
				.failure(AUDIT_ACTION, subject(dataset), source + ": " + Problems.detail(ex, Locale.JAPANESE))
				.by(actor));
			throw ex;
		}
	}

	/**
	 * Loads the shipped Kushiro sample when neither dataset holds a row, so that a fresh
	 * installation can look addresses up. Safe when several instances start at once: the
	 * tables are locked and checked again inside the transaction.
	 * @return whether the sample was loaded
	 */
	public boolean loadSampleIfEmpty() {
		if (!tables.isEmpty(Dataset.KEN_ALL) || !tables.isEmpty(Dataset.TOWN_MASTER)) {
			return false;
		}
		boolean loaded = transactions.execute(status -> {
			tables.lock(Dataset.KEN_ALL);
			tables.lock(Dataset.TOWN_MASTER);
			if (!tables.isEmpty(Dataset.KEN_ALL) || !tables.isEmpty(Dataset.TOWN_MASTER)) {
				return false;
			}
			for (Dataset dataset : List.of(Dataset.KEN_ALL, Dataset.TOWN_MASTER)) {
				String source = sampleSource(dataset);
				try (InputStream in = new ClassPathResource(SAMPLE.get(dataset)).getInputStream()) {
					int rows = replace(dataset, in, source, SYSTEM);
					audit.record(
							AuditEntry.success(AUDIT_ACTION, subject(dataset), source + ": " + rows + "件").by(SYSTEM));
				}
				catch (IOException ex) {
					throw new IllegalStateException("the shipped address sample cannot be read", ex);
				}
			}
			return true;
		});
		if (loaded) {
			log.info(
					"Loaded the Kushiro address SAMPLE (not official data); import the official files at /admin/addresses");
		}
		return loaded;
	}

	/**
	 * Reloads the shipped sample whatever the tables hold (tests restore it with this).
	 */
	public void reloadSample() {
		transactions.executeWithoutResult(status -> {
			for (Dataset dataset : List.of(Dataset.KEN_ALL, Dataset.TOWN_MASTER)) {
				tables.lock(dataset);
				try (InputStream in = new ClassPathResource(SAMPLE.get(dataset)).getInputStream()) {
					replace(dataset, in, sampleSource(dataset), SYSTEM);
				}
				catch (IOException ex) {
					throw new IllegalStateException("the shipped address sample cannot be read", ex);
				}
			}
		});
	}

	/** Each dataset's row count and last import. */
	public List<DatasetSummary> summaries() {
		List<ImportStatus> imports = tables.imports();
		return List.of(Dataset.values())
			.stream()
			.map(dataset -> new DatasetSummary(dataset, tables.count(dataset),
					imports.stream().filter(i -> i.dataset() == dataset).findFirst().orElse(null)))
			.toList();
	}

	static String sampleSource(Dataset dataset) {
		String path = SAMPLE.get(dataset);
		return "SAMPLE " + path.substring(path.lastIndexOf('/') + 1);
	}

	private int replace(Dataset dataset, InputStream in, String source, @Nullable String actor) {
		tables.clear(dataset);
		AddressFileFormat format = dataset.newFormat();
		int rows;
		CsvReader reader = CsvReader.utf8(in);
		try (RowCopy copy = tables.copy(dataset, format.columns())) {
			List<String> record = reader.next();
			if (record != null && format.header(record, reader.lineNumber())) {
				record = reader.next();
			}
			while (record != null) {
				copy.write(format.row(record, reader.lineNumber()));
				record = reader.next();
			}
			rows = copy.finish();
		}
		catch (CsvReader.CsvException ex) {
			throw ImportProblems.atLine(ex.line(), ex.problem());
		}
		catch (IOException ex) {
			throw ImportProblems.file("unreadable", String.valueOf(ex.getMessage()));
		}
		catch (SQLException ex) {
			throw ImportProblems.file("unwritable", String.valueOf(ex.getMessage()));
		}
		if (rows == 0) {
			throw ImportProblems.file("empty");
		}
		tables.analyze(dataset);
		tables.recordImport(dataset, source, rows, Instant.now(), actorName(actor));
		return rows;
	}

	private static String subject(Dataset dataset) {
		return "address:" + dataset.key();
	}

	private static String actorName(@Nullable String actor) {
		if (actor != null) {
			return actor;
		}
		return CurrentActor.name();
	}

}
