package jp.madoguchi.audit.domain;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The audit chain for a process that runs without the application (the backup and restore
 * command): the same {@link AuditService}, the same JDBC repository (found by Spring in
 * {@code audit.persistence}, as in the application) and the same chain key file, over the
 * database the command works on. Appends serialize with a running application's on the
 * chain head's row lock.
 */
public final class CommandLineAudit implements AutoCloseable {

	private final AnnotationConfigApplicationContext context;

	private final AuditService service;

	private CommandLineAudit(AnnotationConfigApplicationContext context, AuditService service) {
		this.context = context;
		this.service = service;
	}

	/**
	 * @param dataDir the data directory (for the chain-head export file verification
	 * compares with)
	 * @param keyFile the chain key file the application uses
	 * @param actor who runs the command, as the events name them
	 */
	public static CommandLineAudit open(DataSource dataSource, Path dataDir, Path keyFile, String actor, Clock clock) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		try {
			// the data source is the caller's: not a bean, so closing this context never
			// closes it
			context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
			ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false);
			scanner.addIncludeFilter(new AssignableTypeFilter(AuditEventRepository.class));
			scanner.scan(AuditEventRepository.class.getPackageName().replaceFirst("\\.domain$", ".persistence"));
			context.refresh();
			AuditEventRepository events = context.getBean(AuditEventRepository.class);
			AuditService service = new AuditService(events, () -> new Attribution(actor, null, null),
					new DataSourceTransactionManager(dataSource), clock, new ChainKeys(keyFile),
					new ChainHeadExport(events, dataDir.resolve("audit").resolve(ChainHeadExport.FILE), null, clock));
			return new CommandLineAudit(context, service);
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
	}

	public AuditService service() {
		return service;
	}

	@Override
	public void close() {
		context.close();
	}

}
