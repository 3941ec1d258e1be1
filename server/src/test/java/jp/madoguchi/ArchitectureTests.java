package jp.madoguchi;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/** House rules the module structure alone does not enforce. */
class ArchitectureTests {

	static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("jp.madoguchi");

	@Test
	void controllersLiveInWebPackagesAndStayPackagePrivate() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.resideInAPackage("..web..")
			.andShould()
			.notBePublic()
			.check(classes);
	}

	/**
	 * The filter chain's URL rules are only the first check: every handler states who may
	 * call it, and a deliberately open one says so with {@code permitAll()}.
	 */
	@Test
	void everyHandlerStatesWhoMayCallIt() {
		methods().that()
			.areMetaAnnotatedWith(RequestMapping.class)
			.and()
			.areDeclaredInClassesThat()
			.areMetaAnnotatedWith(Controller.class)
			.should(be(DescribedPredicate.describe("annotated with @PreAuthorize, or in a class that is",
					(JavaMethod method) -> method.isAnnotatedWith(PreAuthorize.class)
							|| method.getOwner().isAnnotatedWith(PreAuthorize.class))))
			.check(classes);
	}

	@Test
	void domainCodeDoesNotDependOnTheWebLayer() {
		noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..web..", "org.springframework.web..", "jakarta.servlet..")
			.check(classes);
	}

	@Test
	void persistenceDoesNotDependOnTheWebLayer() {
		noClasses().that()
			.resideInAPackage("..persistence..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..web..", "org.springframework.web..")
			.check(classes);
	}

	@Test
	void noFieldInjection() {
		noFields().should().beAnnotatedWith(Autowired.class).check(classes);
	}

	@Test
	void noStandardStreamsOrStackTracesInProductionCode() {
		noClasses().should()
			.accessField(System.class, "out")
			.orShould()
			.accessField(System.class, "err")
			.orShould()
			.callMethod(Throwable.class, "printStackTrace")
			.check(classes);
	}

	@Test
	void webNeverReachesIntoPersistence() {
		noClasses().that()
			.resideInAPackage("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..persistence..")
			.because("pages and APIs talk to the module's domain or its public API, never to its tables")
			.check(classes);
	}

	@Test
	void onlyTheWiringSeesPersistenceClasses() {
		// The domain holds the repository interfaces; their JDBC classes stay behind
		// them.
		classes().that()
			.resideInAPackage("..persistence..")
			.and()
			.areTopLevelClasses()
			.should()
			.notBePublic()
			.check(classes);
	}

	@Test
	void aRepositoryIsAnInterfaceInTheDomainImplementedByItsJdbcClassInPersistence() {
		classes().that()
			.areAnnotatedWith(Repository.class)
			.should()
			.resideInAPackage("..persistence..")
			.andShould(implementTheDomainInterfaceTheyAreNamedFor())
			.check(classes);
	}

	/**
	 * {@code persistence.JdbcX} implements {@code X}, declared in the same module's
	 * {@code domain} package or, for a read model other modules use, at the module root.
	 */
	private static ArchCondition<JavaClass> implementTheDomainInterfaceTheyAreNamedFor() {
		return new ArchCondition<>("be named Jdbc + the name of the domain interface they implement") {
			@Override
			public void check(JavaClass repository, ConditionEvents events) {
				String name = repository.getSimpleName();
				String module = repository.getPackageName().replaceFirst("\\.persistence$", "");
				boolean named = name.startsWith("Jdbc") && repository.getRawInterfaces()
					.stream()
					.anyMatch((port) -> port.getSimpleName().equals(name.substring("Jdbc".length()))
							&& (port.getPackageName().equals(module + ".domain")
									|| port.getPackageName().equals(module)));
				if (!named) {
					events.add(SimpleConditionEvent.violated(repository, repository.getName()
							+ " is not Jdbc<Interface> implementing an interface of " + module + ".domain"));
				}
			}
		};
	}

}
