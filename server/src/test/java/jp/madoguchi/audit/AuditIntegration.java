package jp.madoguchi.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on the shared test database, one context for all audit tests.
 * Until a first user exists, the accounts module sends every request to its setup page;
 * the bootstrap password makes sure one exists whichever test class runs first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@interface AuditIntegration {

}
