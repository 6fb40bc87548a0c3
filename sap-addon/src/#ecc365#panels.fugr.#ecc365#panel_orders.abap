FUNCTION /ecc365/panel_orders.
*"----------------------------------------------------------------------
*"*"Remote-Enabled Module:
*"*"Local Interface:
*"  IMPORTING
*"     VALUE(CUSTOMER_NUMBER) TYPE  KUNNR
*"     VALUE(SALES_ORGANIZATION) TYPE  VKORG
*"     VALUE(DATE_FROM) TYPE  AUDAT OPTIONAL
*"     VALUE(DATE_TO) TYPE  AUDAT OPTIONAL
*"     VALUE(MAX_DOCUMENTS) TYPE  INT4 DEFAULT 50
*"  EXPORTING
*"     VALUE(RETURN) TYPE  BAPIRETURN
*"     VALUE(DOCUMENTS_FOUND) TYPE  INT4
*"  TABLES
*"      ORDER_HEADERS_OUT STRUCTURE  BAPISDHD OPTIONAL
*"      ORDER_ITEMS_OUT STRUCTURE  BAPISDIT OPTIONAL
*"      ORDER_SCHEDULES_OUT STRUCTURE  BAPISDHEDU OPTIONAL
*"      ORDER_BUSINESS_OUT STRUCTURE  BAPISDBUSI OPTIONAL
*"      ORDER_STATUSHEADERS_OUT STRUCTURE  BAPISDHDST OPTIONAL
*"      ORDER_STATUSITEMS_OUT STRUCTURE  BAPISDITST OPTIONAL
*"      ORDER_FLOWS_OUT STRUCTURE  BAPISDFLOW OPTIONAL
*"----------------------------------------------------------------------

  DATA lt_lines TYPE STANDARD TABLE OF bapiorders.
  DATA lt_documents TYPE STANDARD TABLE OF sales_key.
  DATA ls_document TYPE sales_key.
  DATA ls_view TYPE order_view.
  FIELD-SYMBOLS <ls_line> TYPE bapiorders.

  " TABLES parameters travel both ways over RFC: answer only with what is read here.
  CLEAR: order_headers_out[], order_items_out[], order_schedules_out[], order_business_out[],
         order_statusheaders_out[], order_statusitems_out[], order_flows_out[].

  CALL FUNCTION 'BAPI_SALESORDER_GETLIST'
    EXPORTING
      customer_number    = customer_number
      sales_organization = sales_organization
      document_date      = date_from
      document_date_to   = date_to
      transaction_group  = '0'
    IMPORTING
      return             = return
    TABLES
      sales_orders       = lt_lines.
  IF return-type = 'E' OR return-type = 'A'.
    RETURN.
  ENDIF.

  " The list has one line per item; the lines of one order share its date, so after sorting
  " they are adjacent and each order is kept once, newest first.
  SORT lt_lines BY doc_date DESCENDING sd_doc DESCENDING.
  DELETE ADJACENT DUPLICATES FROM lt_lines COMPARING sd_doc.
  documents_found = lines( lt_lines ).

  LOOP AT lt_lines ASSIGNING <ls_line> TO max_documents.
    ls_document-vbeln = <ls_line>-sd_doc.
    APPEND ls_document TO lt_documents.
  ENDLOOP.
  IF lt_documents IS INITIAL.
    RETURN.
  ENDIF.

  " The parts the orders panel shows, nothing more: partners, conditions and texts stay unread.
  ls_view-header = abap_true.
  ls_view-item = abap_true.
  ls_view-sdschedule = abap_true.
  ls_view-business = abap_true.
  ls_view-status_h = abap_true.
  ls_view-status_i = abap_true.
  ls_view-flow = abap_true.

  CALL FUNCTION 'BAPISDORDER_GETDETAILEDLIST'
    EXPORTING
      i_bapi_view             = ls_view
    TABLES
      sales_documents         = lt_documents
      order_headers_out       = order_headers_out
      order_items_out         = order_items_out
      order_schedules_out     = order_schedules_out
      order_business_out      = order_business_out
      order_statusheaders_out = order_statusheaders_out
      order_statusitems_out   = order_statusitems_out
      order_flows_out         = order_flows_out.

ENDFUNCTION.
