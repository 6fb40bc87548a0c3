FUNCTION /ecc365/panel_deliveries.
*"----------------------------------------------------------------------
*"*"Remote-Enabled Module:
*"*"Local Interface:
*"  IMPORTING
*"     VALUE(CUSTOMER_NUMBER) TYPE  KUNAG
*"     VALUE(DATE_FROM) TYPE  LFDAT OPTIONAL
*"     VALUE(DATE_TO) TYPE  LFDAT OPTIONAL
*"     VALUE(MAX_DOCUMENTS) TYPE  INT4 DEFAULT 50
*"  EXPORTING
*"     VALUE(RETURN) TYPE  BAPIRET2
*"     VALUE(DOCUMENTS_FOUND) TYPE  INT4
*"  TABLES
*"      DELIVERIES STRUCTURE  /ECC365/S_DELIVERY OPTIONAL
*"      DELIVERED_DOCUMENTS STRUCTURE  /ECC365/S_DELIVERED_DOC OPTIONAL
*"----------------------------------------------------------------------

  TYPES: BEGIN OF ty_status,
           vbeln TYPE vbuk-vbeln,
           kostk TYPE vbuk-kostk,
           wbstk TYPE vbuk-wbstk,
           fkstk TYPE vbuk-fkstk,
           gbstk TYPE vbuk-gbstk,
         END OF ty_status.
  TYPES: BEGIN OF ty_carrier,
           vbeln TYPE vbpa-vbeln,
           lifnr TYPE vbpa-lifnr,
         END OF ty_carrier.
  TYPES: BEGIN OF ty_vendor,
           lifnr TYPE lfa1-lifnr,
           name1 TYPE lfa1-name1,
         END OF ty_vendor.
  TYPES: BEGIN OF ty_shipped,
           vbeln TYPE lips-vbeln,
           posnr TYPE lips-posnr,
           vgbel TYPE lips-vgbel,
         END OF ty_shipped.

  " Header partner (item 000000) of function SP, the forwarding agent, in SAP's internal code.
  CONSTANTS lc_header_item TYPE posnr VALUE '000000'.
  CONSTANTS lc_forwarding_agent TYPE parvw VALUE 'SP'.

  DATA lt_selected TYPE STANDARD TABLE OF /ecc365/s_delivery.
  DATA lt_deliveries TYPE STANDARD TABLE OF /ecc365/s_delivery.
  DATA lt_statuses TYPE HASHED TABLE OF ty_status WITH UNIQUE KEY vbeln.
  DATA lt_carriers TYPE HASHED TABLE OF ty_carrier WITH UNIQUE KEY vbeln.
  DATA lt_vendors TYPE HASHED TABLE OF ty_vendor WITH UNIQUE KEY lifnr.
  DATA lt_shipped TYPE SORTED TABLE OF ty_shipped WITH UNIQUE KEY vbeln posnr.
  DATA lt_delivered TYPE HASHED TABLE OF /ecc365/s_delivered_doc WITH UNIQUE KEY vbeln vgbel.
  DATA ls_delivered TYPE /ecc365/s_delivered_doc.
  DATA lv_date_to TYPE lfdat.
  DATA lv_customer TYPE kna1-kunnr.
  DATA lv_message TYPE bapi_msg.
  DATA lv_customer_external TYPE kunnr.
  FIELD-SYMBOLS <ls_delivery> TYPE /ecc365/s_delivery.
  FIELD-SYMBOLS <ls_status> TYPE ty_status.
  FIELD-SYMBOLS <ls_carrier> TYPE ty_carrier.
  FIELD-SYMBOLS <ls_vendor> TYPE ty_vendor.
  FIELD-SYMBOLS <ls_shipped> TYPE ty_shipped.

  " TABLES parameters travel both ways over RFC: answer only with what is read here.
  CLEAR: deliveries[], delivered_documents[].

  " An initial DATE_TO means no upper bound.
  lv_date_to = date_to.
  IF lv_date_to IS INITIAL.
    lv_date_to = '99991231'.
  ENDIF.

  SELECT COUNT(*) FROM likp INTO documents_found
    WHERE kunag = customer_number
      AND lfdat >= date_from
      AND lfdat <= lv_date_to.

  " UP TO 0 ROWS would read every row: no limit, no read.
  IF max_documents > 0.
    SELECT vbeln lfart vkorg vstel kunnr kunag lfdat wadat wadat_ist btgew gewei bolnr
      FROM likp
      INTO CORRESPONDING FIELDS OF TABLE lt_selected
      UP TO max_documents ROWS
      WHERE kunag = customer_number
        AND lfdat >= date_from
        AND lfdat <= lv_date_to
      ORDER BY lfdat DESCENDING vbeln DESCENDING.
  ENDIF.

  IF documents_found = 0.
    SELECT SINGLE kunnr FROM kna1 INTO lv_customer WHERE kunnr = customer_number.
    IF sy-subrc <> 0.
      " The message the standard reads give for an unknown customer: Debtor &1 does not exist,
      " naming the customer as users enter it (without leading zeros).
      CALL FUNCTION 'CONVERSION_EXIT_ALPHA_OUTPUT'
        EXPORTING
          input  = customer_number
        IMPORTING
          output = lv_customer_external.
      MESSAGE e502(f2) WITH lv_customer_external INTO lv_message.
      return-type = sy-msgty.
      return-id = sy-msgid.
      return-number = sy-msgno.
      return-message = lv_message.
      return-message_v1 = sy-msgv1.
      return-parameter = 'CUSTOMER_NUMBER'.
    ENDIF.
    RETURN.
  ENDIF.

  " Display authorization for deliveries by shipping point: what the user may not display is left out.
  LOOP AT lt_selected ASSIGNING <ls_delivery>.
    AUTHORITY-CHECK OBJECT 'V_LIKP_VST'
      ID 'VSTEL' FIELD <ls_delivery>-vstel
      ID 'ACTVT' FIELD '03'.
    IF sy-subrc = 0.
      APPEND <ls_delivery> TO lt_deliveries.
    ENDIF.
  ENDLOOP.
  IF lt_deliveries IS INITIAL.
    RETURN.
  ENDIF.

  " FOR ALL ENTRIES with an empty driver table would read every row: lt_deliveries is not empty here.
  SELECT vbeln kostk wbstk fkstk gbstk FROM vbuk
    INTO TABLE lt_statuses
    FOR ALL ENTRIES IN lt_deliveries
    WHERE vbeln = lt_deliveries-vbeln.

  SELECT vbeln lifnr FROM vbpa
    INTO TABLE lt_carriers
    FOR ALL ENTRIES IN lt_deliveries
    WHERE vbeln = lt_deliveries-vbeln
      AND posnr = lc_header_item
      AND parvw = lc_forwarding_agent.

  IF lt_carriers IS NOT INITIAL.
    SELECT lifnr name1 FROM lfa1
      INTO TABLE lt_vendors
      FOR ALL ENTRIES IN lt_carriers
      WHERE lifnr = lt_carriers-lifnr.
  ENDIF.

  SELECT vbeln posnr vgbel FROM lips
    INTO TABLE lt_shipped
    FOR ALL ENTRIES IN lt_deliveries
    WHERE vbeln = lt_deliveries-vbeln
      AND vgbel <> space.

  LOOP AT lt_deliveries ASSIGNING <ls_delivery>.
    READ TABLE lt_statuses ASSIGNING <ls_status> WITH TABLE KEY vbeln = <ls_delivery>-vbeln.
    IF sy-subrc = 0.
      <ls_delivery>-kostk = <ls_status>-kostk.
      <ls_delivery>-wbstk = <ls_status>-wbstk.
      <ls_delivery>-fkstk = <ls_status>-fkstk.
      <ls_delivery>-gbstk = <ls_status>-gbstk.
    ENDIF.
    READ TABLE lt_carriers ASSIGNING <ls_carrier> WITH TABLE KEY vbeln = <ls_delivery>-vbeln.
    IF sy-subrc = 0 AND <ls_carrier>-lifnr IS NOT INITIAL.
      <ls_delivery>-carrier = <ls_carrier>-lifnr.
      READ TABLE lt_vendors ASSIGNING <ls_vendor> WITH TABLE KEY lifnr = <ls_carrier>-lifnr.
      IF sy-subrc = 0.
        <ls_delivery>-carrier_name = <ls_vendor>-name1.
      ENDIF.
    ENDIF.
    " Each sales document once per delivery, in the order of the items that ship it.
    LOOP AT lt_shipped ASSIGNING <ls_shipped> WHERE vbeln = <ls_delivery>-vbeln.
      ls_delivered-vbeln = <ls_shipped>-vbeln.
      ls_delivered-vgbel = <ls_shipped>-vgbel.
      INSERT ls_delivered INTO TABLE lt_delivered.
      IF sy-subrc = 0.
        APPEND ls_delivered TO delivered_documents.
      ENDIF.
    ENDLOOP.
  ENDLOOP.

  deliveries[] = lt_deliveries.

ENDFUNCTION.
