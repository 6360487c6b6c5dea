package jp.lg.externalservice.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.lg.externalservice.WebTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /api/admin/certification-lists/{ISMAP|ISMAP-LIU}} over real HTTP: administrators
 * only; UTF-8 (with or without BOM) and Shift_JIS; headers by name in any order; a bad header or a
 * bad row names its line and column in Japanese and English and leaves the previous list as it was;
 * an oversized body is refused unread.
 */
class ServiceListApiTest extends WebTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Autowired CertificationRepository repository;

  private Answer upload(String list, String user, byte[] body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/api/admin/certification-lists/" + list))
              .header("Content-Type", "text/csv")
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode json = text.isBlank() ? null : JSON.readTree(text);
      return new Answer(response.statusCode(), json, text, response.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("管理者が ISMAP-LIU リストを取り込む: Shift_JIS・列の順序違い・引用符付きの値も読み、取込の日時と件数が分かる")
  void importsAListAsPublished() {
    String csv =
        "ISMAP-LIU クラウドサービスリスト（2026年11月）\r\n"
            + "事業者名,登録日,サービス名称,備考,登録番号,有効期限\r\n"
            + "\"株式会社サンプル, 東京\",令和5年4月1日,\"ふれあい\"\"チャット\"\"\",,L23-0001-1,2028/03/31\r\n"
            + "合同会社テスト,2024-01-15,テスト SaaS,更新予定,L24-0002-1,\r\n";
    Answer imported = upload("ISMAP-LIU", "demo", csv.getBytes(Charset.forName("windows-31j")));
    assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    assertThat(imported.body().get("rows").asInt()).isEqualTo(2);
    assertThat(imported.body().get("list").asText()).isEqualTo("ISMAP-LIU");

    ListedService first = repository.entry(Certification.ISMAP_LIU, "L23-0001-1").orElseThrow();
    assertThat(first.serviceName()).isEqualTo("ふれあい\"チャット\"");
    assertThat(first.providerName()).isEqualTo("株式会社サンプル, 東京");
    assertThat(first.registeredOn()).hasToString("2023-04-01");
    assertThat(first.validUntil()).hasToString("2028-03-31");
    assertThat(repository.entry(Certification.ISMAP_LIU, "L24-0002-1").orElseThrow().validUntil())
        .isNull();

    Answer lists = get("/api/admin/certification-lists", "demo");
    assertThat(lists.status()).isEqualTo(200);
    assertThat(lists.text()).contains("\"list\":\"ISMAP-LIU\"").contains("\"rows\":2");

    // the same list again, as UTF-8 with a BOM: the numbers keep the moment they first appeared
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = utf8(csv);
    byte[] withBom = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, withBom, 0, bom.length);
    System.arraycopy(body, 0, withBom, bom.length, body.length);
    Answer again = upload("ISMAP-LIU", "demo", withBom);
    assertThat(again.status()).as(again.text()).isEqualTo(200);
    assertThat(again.body().get("added").asInt()).isZero();
    assertThat(
            repository.entry(Certification.ISMAP_LIU, "L23-0001-1").orElseThrow().firstListedAt())
        .isEqualTo(first.firstListedAt());
  }

  @Test
  @DisplayName("見出しに必須の列がない・行の値が不正なら、行と列を日本語と英語で示して拒否し、前のリストはそのまま")
  void badFilesAreRefusedNamingLineAndColumn() {
    Answer good = upload("ISMAP", "demo", utf8("登録番号,サービス名,事業者名\nC21-0001-1,kintone,サイボウズ株式会社\n"));
    assertThat(good.status()).as(good.text()).isEqualTo(200);

    Answer badHeader = upload("ISMAP", "demo", utf8("登録番号,サービス名,住所\nC21-0009-1,新サービス,東京都\n"));
    assertThat(badHeader.status()).isEqualTo(400);
    JsonNode error = badHeader.body().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("line 1, 事業者名");
    assertThat(error.get("message").asText()).contains("1 行目", "「事業者名」の列がありません");
    assertThat(error.get("messageEn").asText()).contains("line 1", "事業者名");

    Answer badRow =
        upload(
            "ISMAP",
            "demo",
            utf8(
                "事業者名,登録番号,サービス名,登録日\n"
                    + "事業者A,C21-0100-1,サービスA,2021/04/01\n"
                    + "事業者B,C21-0101-1,サービスB,2021年13月40日\n"
                    + "事業者C,,サービスC,2021/04/01\n"));
    assertThat(badRow.status()).isEqualTo(400);
    assertThat(badRow.body().get("errors").get(0).get("field").asText()).isEqualTo("line 3, 登録日");
    assertThat(badRow.body().get("errors").get(0).get("message").asText())
        .contains("3 行目", "登録日", "日付として読めません");
    assertThat(badRow.body().get("errors").get(1).get("field").asText()).isEqualTo("line 4, 登録番号");

    // nothing half-stored: the previous list is the current one, and no row of the refused files
    assertThat(repository.listed(Certification.ISMAP))
        .extracting(ListedService::registrationNumber)
        .containsExactly("C21-0001-1");
    assertThat(repository.entry(Certification.ISMAP, "C21-0100-1")).isEmpty();
    assertThat(repository.latestImport(Certification.ISMAP).orElseThrow().rowCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("管理者以外は 403、取り込めないリスト名は 400、大きすぎる本文は読まずに 413")
  void onlyAdministratorsAndBoundedBodies() {
    byte[] csv = utf8("登録番号,サービス名,事業者名\nC21-0001-1,kintone,サイボウズ株式会社\n");
    Answer reviewer = upload("ISMAP", "nakamura", csv);
    assertThat(reviewer.status()).isEqualTo(403);
    assertThat(reviewer.body().get("error").asText()).contains("管理者");
    assertThat(get("/api/admin/certification-lists", "sato").status()).isEqualTo(403);

    Answer unknown = upload("SOC2", "demo", csv);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("errors").get(0).get("message").asText())
        .contains("ISMAP と ISMAP-LIU");

    StringBuilder big = new StringBuilder("登録番号,サービス名,事業者名\n");
    for (int i = 0; big.length() < 1_200_000; i++) {
      big.append("C21-").append(i).append("-1,サービス").append(i).append(",事業者\n");
    }
    var before = repository.latestImport(Certification.ISMAP);
    Answer tooBig = upload("ISMAP", "demo", utf8(big.toString()));
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.body().get("error").asText()).contains("大きすぎます");
    assertThat(repository.latestImport(Certification.ISMAP))
        .as("nothing stored from a refused body")
        .isEqualTo(before);
  }
}
