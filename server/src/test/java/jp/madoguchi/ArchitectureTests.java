package jp.madoguchi;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
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

}
