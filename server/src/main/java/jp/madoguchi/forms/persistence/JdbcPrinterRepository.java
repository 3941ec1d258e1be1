package jp.madoguchi.forms.persistence;

import java.net.URI;
import java.util.List;

import jp.madoguchi.forms.domain.PrinterRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPrinterRepository implements PrinterRepository {

	private final JdbcClient jdbc;

	JdbcPrinterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<RegisteredPrinter> all() {
		return jdbc.sql("select name, uri, location from forms.printers order by name")
			.query((rs, row) -> new RegisteredPrinter(rs.getString("name"), URI.create(rs.getString("uri")),
					rs.getString("location")))
			.list();
	}

	@Override
	public void add(RegisteredPrinter printer, String createdBy) {
		jdbc.sql("insert into forms.printers (name, uri, location, created_by) values (?, ?, ?, ?)")
			.params(printer.name(), printer.uri().toString(), printer.location(), createdBy)
			.update();
	}

	@Override
	public boolean remove(String name) {
		return jdbc.sql("delete from forms.printers where name = ?").param(name).update() != 0;
	}

}
