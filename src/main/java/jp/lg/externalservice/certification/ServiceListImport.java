package jp.lg.externalservice.certification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import jp.lg.externalservice.system.JapanClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an ISMAP or ISMAP-LIU service list as published (issue 15, part 3): one transaction
 * replaces the previous list of that kind, so a refused file leaves the previous list as it was. A
 * number that was already on the previous list keeps the moment it first appeared; one that
 * disappeared stays known as no longer listed, which the watch reports ({@link
 * CertificationWatch}).
 */
@Service
public class ServiceListImport {

  /** What an import answers: the list, how many rows, and how many numbers left it. */
  public record Result(
      String list, int rows, int added, int removed, Instant importedAt, String importedBy) {}

  private final CertificationRepository repository;
  private final ServiceListCsv csv;

  ServiceListImport(
      CertificationRepository repository,
      @Value("${external-service.certification.max-list-rows:5000}") int maxRows) {
    this.repository = repository;
    this.csv = new ServiceListCsv(maxRows);
  }

  @Transactional
  public Result importList(Certification list, byte[] content, String importedBy) {
    if (content == null || content.length == 0) {
      throw new InputValidationException(
          List.of(new FieldError("(body)", "CSV ファイルが空です", "the CSV file is empty")));
    }
    List<ServiceListCsv.Row> rows;
    try {
      rows = csv.read(content);
    } catch (ServiceListCsv.Invalid invalid) {
      throw new InputValidationException(invalid.errors);
    }
    Instant now = JapanClock.now();
    Map<String, ListedService> known = repository.entries(list);
    long importId = repository.recordImport(list, now, importedBy, rows.size());
    repository.unlistAll(list);
    int added = 0;
    for (ServiceListCsv.Row row : rows) {
      ListedService before = known.remove(row.registrationNumber());
      boolean continuing = before != null && before.listed();
      if (!continuing) {
        added++;
      }
      repository.putEntry(
          new ListedService(
              list,
              row.registrationNumber(),
              row.serviceName(),
              row.providerName(),
              row.registeredOn(),
              row.validUntil(),
              true,
              continuing ? before.firstListedAt() : now),
          importId,
          before != null);
    }
    int removed = (int) known.values().stream().filter(ListedService::listed).count();
    return new Result(list.listName(), rows.size(), added, removed, now, importedBy);
  }

  /** The latest import of each list (for the admin page and the review). */
  public Optional<ListImport> latest(Certification list) {
    return repository.latestImport(list);
  }
}
