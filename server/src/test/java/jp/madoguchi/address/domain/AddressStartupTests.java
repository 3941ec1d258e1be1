package jp.madoguchi.address.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import jp.madoguchi.address.AddressFiles;
import jp.madoguchi.address.AddressIntegration;
import jp.madoguchi.address.AddressLookup;
import jp.madoguchi.address.Town;
import jp.madoguchi.platform.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command-line import as the runner does it at start (without the exit). */
@AddressIntegration
class AddressStartupTests {

	@Autowired
	AddressImporter importer;

	@Autowired
	AddressLookup lookup;

	@Autowired
	ConfigurableApplicationContext context;

	@TempDir
	Path dir;

	@AfterEach
	void restoreSample() {
		importer.reloadSample();
	}

	@Test
	void importsTheFilesNamedOnTheCommandLine() throws IOException {
		Path kenAll = AddressFiles.write(dir.resolve("utf_ken_all.csv"), null, 5, AddressFiles::kenAllRow);
		Path towns = AddressFiles.write(dir.resolve("mt_town_all.csv"), AddressFiles.TOWN_HEADER, 7,
				AddressFiles::townRow);
		new AddressStartup(importer, context, kenAll.toString(), towns.toString(), false, true)
			.run(new DefaultApplicationArguments());
		assertThat(importer.summaries()).allSatisfy(summary -> {
			assertThat(summary.lastImport().importedBy()).isEqualTo(AddressImporter.COMMAND_LINE);
			assertThat(summary.sample()).isFalse();
		});
		assertThat(lookup.byPostalCode(AddressFiles.postalCode(4))).hasSize(1);
		assertThat(lookup.towns("019992")).extracting(Town::machiazaId).hasSize(7).contains("0000006");
	}

	@Test
	void aBadFileStopsTheStart() throws IOException {
		Path broken = AddressFiles.write(dir.resolve("utf_ken_all.csv"), null, 3,
				i -> (i == 2) ? "01206,broken\n" : AddressFiles.kenAllRow(i));
		AddressStartup startup = new AddressStartup(importer, context, broken.toString(), "", false, true);
		assertThatThrownBy(() -> startup.run(new DefaultApplicationArguments())).isInstanceOf(ProblemException.class)
			.satisfies((e) -> assertThat(e.getLocalizedMessage()).startsWith("3行目:"));
		AddressStartup missing = new AddressStartup(importer, context, dir.resolve("nowhere.csv").toString(), "", false,
				true);
		assertThatThrownBy(() -> missing.run(new DefaultApplicationArguments()))
			.isInstanceOf(UncheckedIOException.class);
		assertThat(importer.summaries()).allSatisfy(summary -> assertThat(summary.sample()).isTrue());
		assertThat(List.of(importer.loadSampleIfEmpty())).containsExactly(false);
	}

}
