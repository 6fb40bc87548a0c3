FUNCTION /ecc365/panel_invoices.
*"----------------------------------------------------------------------
*"*"Remote-Enabled Module:
*"*"Local Interface:
*"  IMPORTING
*"     VALUE(CUSTOMER_NUMBER) TYPE  KUNAG
*"     VALUE(COMPANY_CODE) TYPE  BUKRS
*"     VALUE(KEY_DATE) TYPE  DATS
*"     VALUE(DATE_FROM) TYPE  FKDAT OPTIONAL
*"     VALUE(DATE_TO) TYPE  FKDAT OPTIONAL
*"     VALUE(MAX_DOCUMENTS) TYPE  INT4 DEFAULT 50
*"  EXPORTING
*"     VALUE(RETURN) TYPE  BAPIRETURN
*"     VALUE(DOCUMENTS_FOUND) TYPE  INT4
*"  TABLES
*"      INVOICES STRUCTURE  /ECC365/S_INVOICE OPTIONAL
*"      OPEN_ITEMS STRUCTURE  BAPI3007_2 OPTIONAL
*"----------------------------------------------------------------------

  " The header fields the panel returns, and the sales organization for the authority check.
  TYPES BEGIN OF ty_billing_document.
  INCLUDE TYPE /ecc365/s_invoice.
  TYPES vkorg TYPE vbrk-vkorg.
  TYPES END OF ty_billing_document.
  TYPES: BEGIN OF ty_payer,
           kunrg TYPE vbrk-kunrg,
           bukrs TYPE vbrk-bukrs,
         END OF ty_payer.

  " Posted to accounting: only then can a billing document have open items.
  CONSTANTS lc_posted TYPE rfbsk VALUE 'C'.

  DATA lt_selected TYPE STANDARD TABLE OF ty_billing_document.
  DATA lt_payers TYPE STANDARD TABLE OF ty_payer WITH NON-UNIQUE KEY kunrg bukrs.
  DATA ls_payer TYPE ty_payer.
  DATA ls_invoice TYPE /ecc365/s_invoice.
  DATA lt_items TYPE STANDARD TABLE OF bapi3007_2.
  DATA ls_payer_return TYPE bapireturn.
  DATA lv_date_to TYPE fkdat.
  FIELD-SYMBOLS <ls_document> TYPE ty_billing_document.

  " TABLES parameters travel both ways over RFC: answer only with what is read here.
  CLEAR: invoices[], open_items[].

  CALL FUNCTION 'BAPI_AR_ACC_GETOPENITEMS'
    EXPORTING
      companycode = company_code
      customer    = customer_number
      keydate     = key_date
    IMPORTING
      return      = return
    TABLES
      lineitems   = lt_items.
  " F2 502/503: the customer does not exist or not in the company code; the panel shows nothing.
  IF return-type = 'E' OR return-type = 'A'.
    RETURN.
  ENDIF.
  APPEND LINES OF lt_items TO open_items.

  " An initial DATE_TO means no upper bound.
  lv_date_to = date_to.
  IF lv_date_to IS INITIAL.
    lv_date_to = '99991231'.
  ENDIF.

  " Invoices (M), credit memos (O) and debit memos (P), as the standard read lists them.
  SELECT COUNT(*) FROM vbrk INTO documents_found
    WHERE kunag = customer_number
      AND vbtyp IN ('M', 'O', 'P')
      AND fkdat >= date_from
      AND fkdat <= lv_date_to.

  " UP TO 0 ROWS would read every row: no limit, no read.
  IF max_documents > 0.
    SELECT vbeln fkart vbtyp fkdat kunag kunrg bukrs netwr mwsbk waerk zterm fksto rfbsk belnr gjahr vkorg
      FROM vbrk
      INTO CORRESPONDING FIELDS OF TABLE lt_selected
      UP TO max_documents ROWS
      WHERE kunag = customer_number
        AND vbtyp IN ('M', 'O', 'P')
        AND fkdat >= date_from
        AND fkdat <= lv_date_to
      ORDER BY fkdat DESCENDING vbeln DESCENDING.
  ENDIF.

  LOOP AT lt_selected ASSIGNING <ls_document>.
    " Display authorization for billing documents by sales organization: what the user may not display is left out.
    AUTHORITY-CHECK OBJECT 'V_VBRK_VKO'
      ID 'VKORG' FIELD <ls_document>-vkorg
      ID 'ACTVT' FIELD '03'.
    IF sy-subrc <> 0.
      CONTINUE.
    ENDIF.
    MOVE-CORRESPONDING <ls_document> TO ls_invoice.
    APPEND ls_invoice TO invoices.
    " Another payer's items (or the customer's in another company code) give such a document its payment status.
    IF <ls_document>-rfbsk = lc_posted AND <ls_document>-belnr IS NOT INITIAL
        AND ( <ls_document>-kunrg <> customer_number OR <ls_document>-bukrs <> company_code ).
      ls_payer-kunrg = <ls_document>-kunrg.
      ls_payer-bukrs = <ls_document>-bukrs.
      READ TABLE lt_payers WITH TABLE KEY kunrg = ls_payer-kunrg bukrs = ls_payer-bukrs TRANSPORTING NO FIELDS.
      IF sy-subrc <> 0.
        APPEND ls_payer TO lt_payers.
      ENDIF.
    ENDIF.
  ENDLOOP.

  " Each payer and company code once, in the order the documents name them; a payer whose read fails adds no rows.
  LOOP AT lt_payers INTO ls_payer.
    CLEAR lt_items.
    CALL FUNCTION 'BAPI_AR_ACC_GETOPENITEMS'
      EXPORTING
        companycode = ls_payer-bukrs
        customer    = ls_payer-kunrg
        keydate     = key_date
      IMPORTING
        return      = ls_payer_return
      TABLES
        lineitems   = lt_items.
    IF ls_payer_return-type <> 'E' AND ls_payer_return-type <> 'A'.
      APPEND LINES OF lt_items TO open_items.
    ENDIF.
  ENDLOOP.

ENDFUNCTION.
