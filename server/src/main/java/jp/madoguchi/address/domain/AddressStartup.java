package jp.madoguchi.address.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Address data at start: imports the files named on the command line
 * ({@code --madoguchi.address.import.ken-all=PATH},
 * {@code --madoguchi.address.import.town-master=PATH}), then loads the shipped Kushiro
 * sample if both tables are still empty, then ends the process when
 * {@code --madoguchi.address.import.exit=true}. A failed import stops the start: the
 * operator asked for it and must see that it did not happen.
 */
@Component
class AddressStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AddressStartup.class);

	private final AddressImporter importer;

	private final ConfigurableApplicationContext context;

	private final String kenAll;

	private final String townMaster;

	private final boolean exit;

	private final boolean sample;

	AddressStartup(AddressImporter importer, ConfigurableApplicationContext context,
			@Value("${madoguchi.address.import.ken-all:}") String kenAll,
			@Value("${madoguchi.address.import.town-master:}") String townMaster,
			@Value("${madoguchi.address.import.exit:false}") boolean exit,
			@Value("${madoguchi.address.sample:true}") boolean sample) {
		this.importer = importer;
		this.context = context;
		this.kenAll = kenAll;
		this.townMaster = townMaster;
		this.exit = exit;
		this.sample = sample;
	}

	@Override
	public void run(ApplicationArguments args) {
		importFile(Dataset.KEN_ALL, kenAll);
		importFile(Dataset.TOWN_MASTER, townMaster);
		if (sample && !exit) {
			importer.loadSampleIfEmpty();
		}
		if (exit) {
			log.info("Address import finished; exiting as --madoguchi.address.import.exit=true asks");
			System.exit(SpringApplication.exit(context, () -> 0));
		}
	}

	private void importFile(Dataset dataset, String path) {
		if (path.isBlank()) {
			return;
		}
		Path file = Path.of(path);
		log.info("Importing {} from {}", dataset.key(), file.toAbsolutePath());
		try (InputStream in = Files.newInputStream(file)) {
			importer.importFile(dataset, in, file.getFileName().toString(), AddressImporter.COMMAND_LINE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), ex);
		}
	}

}
