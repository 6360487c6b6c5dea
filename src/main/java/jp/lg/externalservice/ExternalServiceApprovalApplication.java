package jp.lg.externalservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 外部サービス利用申請・審査システム. */
@SpringBootApplication
public class ExternalServiceApprovalApplication {

  public static void main(String[] args) {
    SpringApplication.run(ExternalServiceApprovalApplication.class, args);
  }
}
