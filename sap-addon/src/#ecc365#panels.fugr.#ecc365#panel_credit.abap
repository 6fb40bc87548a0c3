FUNCTION /ecc365/panel_credit.
*"----------------------------------------------------------------------
*"*"Remote-Enabled Module:
*"*"Local Interface:
*"  IMPORTING
*"     VALUE(CUSTOMER_NUMBER) TYPE  KUNNR
*"     VALUE(CREDIT_CONTROL_AREA) TYPE  KKBER
*"     VALUE(COMPANY_CODE) TYPE  BUKRS OPTIONAL
*"  EXPORTING
*"     VALUE(RETURN) TYPE  BAPIRETURN1
*"     VALUE(CENTRAL_BLOCKS) TYPE  /ECC365/S_CUSTOMER_BLOCKS
*"     VALUE(PAYMENT_TERMS) TYPE  DZTERM
*"  TABLES
*"      CREDIT_ACCOUNT_DETAIL STRUCTURE  BAPI1010_1 OPTIONAL
*"      CREDIT_ACCOUNT_OPEN_ITEMS STRUCTURE  BAPI1010_2 OPTIONAL
*"----------------------------------------------------------------------

  " TABLES parameters travel both ways over RFC: answer only with what is read here.
  CLEAR: credit_account_detail[], credit_account_open_items[].

  CALL FUNCTION 'BAPI_CREDIT_ACCOUNT_GET_STATUS'
    EXPORTING
      creditcontrolarea         = credit_control_area
      customer                  = customer_number
    IMPORTING
      return                    = return
    TABLES
      credit_account_detail     = credit_account_detail
      credit_account_open_items = credit_account_open_items.

  " Read alongside, whatever the credit account says. No row is an answer too: no customer leaves the
  " blocks initial, no company code data the payment terms.
  SELECT SINGLE aufsd lifsd faksd sperr FROM kna1
    INTO CORRESPONDING FIELDS OF central_blocks
    WHERE kunnr = customer_number.                    "#EC CI_SUBRC

  IF company_code IS NOT INITIAL.
    SELECT SINGLE zterm FROM knb1
      INTO payment_terms
      WHERE kunnr = customer_number
        AND bukrs = company_code.                       "#EC CI_SUBRC
  ENDIF.

ENDFUNCTION.
