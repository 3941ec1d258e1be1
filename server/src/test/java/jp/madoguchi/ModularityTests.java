package jp.madoguchi;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(MadoguchiApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void knowsTheFoundationModules() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString())).contains("accounts", "audit",
				"platform");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		// Every module gets its diagram and canvas, so the docs never silently miss one.
		modules.stream()
			.map(module -> module.getIdentifier().toString())
			.forEach(name -> assertThat(java.nio.file.Path.of("../docs/modules/module-" + name + ".puml")).as(name)
				.isRegularFile());
	}

}
