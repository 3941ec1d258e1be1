package jp.madoguchi;

import jp.madoguchi.admin.BackupCommandLine;
import jp.madoguchi.platform.RoleTypeFilter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Madoguchi (窓口): the smart counter system. One modular monolith;
 * {@code --madoguchi.role} decides which parts a process serves (see
 * {@link RoleTypeFilter}). {@code @SpringBootApplication} lets Spring Modulith's
 * {@code @ApplicationModuleTest} find this class; the local {@code @ComponentScan} with
 * the role filter replaces the one it brings.
 */
@SpringBootApplication
@Modulithic(systemName = "Madoguchi", sharedModules = "platform")
@EnableScheduling
@ComponentScan(excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = RoleTypeFilter.class) })
public class MadoguchiApplication {

	public static void main(String[] args) {
		if (BackupCommandLine.handles(args)) {
			System.exit(BackupCommandLine.run(args, System.getenv()));
		}
		SpringApplication.run(MadoguchiApplication.class, args);
	}

}
