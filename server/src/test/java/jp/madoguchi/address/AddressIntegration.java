package jp.madoguchi.address;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on the shared test database, one context for all address tests.
 * The bootstrap password keeps the first-run setup page out of the way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = "madoguchi.bootstrap-admin-password=address-tests-bootstrap-password")
public @interface AddressIntegration {

}
